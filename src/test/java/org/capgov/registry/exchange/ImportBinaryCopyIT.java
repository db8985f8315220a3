package org.capgov.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

/** Values written in binary COPY format come back from PostgreSQL as they were sent. */
class ImportBinaryCopyIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void everyKindOfValueRoundTrips() throws Exception {
        List<BigDecimal> numbers = List.of(new BigDecimal("0"), new BigDecimal("0.05"), new BigDecimal("1234.5"),
                new BigDecimal("300000"), new BigDecimal("3E+5"), new BigDecimal("12345678901234.56"),
                new BigDecimal("0.00001234"), new BigDecimal("-98765.4321"), new BigDecimal("10000"),
                new BigDecimal("0.0001"), new BigDecimal("1.00"), new BigDecimal("99999999.9999999"),
                // beyond the long arithmetic: more than 18 digits, more than 15 decimals
                new BigDecimal("123456789012345678901.5"), new BigDecimal("0.1234567890123456789"));
        List<LocalDate> dates = List.of(LocalDate.of(1999, 12, 31), LocalDate.of(2000, 1, 1), LocalDate.of(2024, 2, 29),
                LocalDate.of(1970, 1, 1));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create temp table binary_probe (k int8, n numeric, d date, a varchar(16)[], j jsonb, t text, "
                    + "x int8)");
            ImportBinaryCopy copy = new ImportBinaryCopy();
            for (int i = 0; i < numbers.size(); i++) {
                copy.row(7).int8(i).numeric(numbers.get(i)).date(dates.get(i % dates.size()))
                        .varcharArray(i % 3 == 0 ? List.of() : List.of("STEEL", "钢铁" + i))
                        .jsonb("{\"volume_m3\":" + i + ",\"purpose\":\"GENERAL\"}").text(i % 2 == 0 ? null : "名称\t" + i)
                        .int8OrNull(i % 2 == 0 ? null : (long) -i);
            }
            long written = copy.copyInto(c.unwrap(PGConnection.class).getCopyAPI(),
                    "copy binary_probe (k, n, d, a, j, t, x) from stdin (format binary)");
            assertThat(written).isEqualTo(numbers.size());
            List<String> back = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select n, d, a::text, j->>'volume_m3', t, x from binary_probe order by k")) {
                while (rs.next()) {
                    back.add(rs.getBigDecimal(1).toPlainString() + "|" + rs.getObject(2, LocalDate.class) + "|"
                            + rs.getString(3) + "|" + rs.getString(4) + "|" + rs.getString(5) + "|" + rs.getObject(6));
                }
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < numbers.size(); i++) {
                BigDecimal n = numbers.get(i);
                expected.add((n.scale() < 0 ? n.setScale(0) : n).toPlainString() + "|" + dates.get(i % dates.size()) + "|"
                        + (i % 3 == 0 ? "{}" : "{STEEL,钢铁" + i + "}") + "|" + i + "|" + (i % 2 == 0 ? null : "名称\t" + i)
                        + "|" + (i % 2 == 0 ? null : (long) -i));
            }
            assertThat(back).containsExactlyElementsOf(expected);
        }
    }
}
