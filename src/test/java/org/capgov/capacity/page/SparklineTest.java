package org.capgov.capacity.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SparklineTest {

    @Test
    void linesRunFromLowToHighWithAGapForNoDataAndTheGoalDashed() {
        String svg = Sparkline.svg(Arrays.asList(new BigDecimal("10"), null, new BigDecimal("20"), new BigDecimal("30")),
                new BigDecimal("20"), "熟料 <2018>");
        // 4 points over 120 px: x = 3, 41, 79, 117; 10 is the bottom (y 25), 30 the top (y 3)
        assertThat(svg).contains("d=\"M3.0 25.0 M79.0 14.0 L117.0 3.0\"");
        assertThat(svg).contains("y1=\"14.0\"").contains("stroke-dasharray");
        assertThat(svg).contains("<title>熟料 &lt;2018&gt;</title>");
        assertThat(svg).contains("<circle cx=\"117.0\" cy=\"3.0\"");
    }

    @Test
    void noValuesDrawNothingButTheTitleAndOneValueSitsInTheMiddle() {
        assertThat(Sparkline.svg(Arrays.asList(null, null), null, "无数据")).doesNotContain("<path").contains("无数据");
        assertThat(Sparkline.svg(Arrays.asList(new BigDecimal("5")), null, "一点")).contains("M60.0 ");
    }
}
