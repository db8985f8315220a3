package org.capgov.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.capgov.identity.SystemActor;
import org.capgov.shared.ChinaTime;
import org.capgov.shared.DomainException;
import org.capgov.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A district's annual report (忠县, 500233, used by no other test): drafted from the platform's figures with every
 * figure's query named, the edited text kept beside the generated one, 经区政府同意 recorded, then submitted; the
 * steps out of order are refused and change nothing; the .docx carries the approval and the appendix of queries.
 */
class AnnualReportIT extends IntegrationTest {

    @Autowired
    AnnualReports reports;
    @Autowired
    Clock clock;

    @Test
    void draftEditApproveSubmitAndTheDocument() throws Exception {
        int year = ChinaTime.today(clock).getYear() - 1;
        LocalDate today = ChinaTime.today(clock);
        SystemActor.run(() -> {
            AnnualReports.AnnualReport r = reports.draft("500233", year);
            assertThat(r.level()).isEqualTo("DISTRICT");
            assertThat(r.status()).isEqualTo("DRAFT");
            assertThat(r.text()).contains("一、重点任务完成情况").contains("查询：cases_opened").contains("查询：exits_announced");
            assertThatThrownBy(() -> reports.draft("500233", year)).isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).status()).isEqualTo(409);
            assertThatThrownBy(() -> reports.draft("500233", today.getYear() + 1)).isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).field()).isEqualTo("year");

            AnnualReports.AnnualReport edited = reports.edit(r.id(), r.text().replace("（请填写）", "继续开展排查。"));
            assertThat(edited.text()).contains("继续开展排查。");
            assertThat(edited.generated()).contains("（请填写）");

            assertThatThrownBy(() -> reports.submit(r.id(), "市制造强市建设领导小组办公室", today.toString()))
                    .isInstanceOf(DomainException.class);
            assertThatThrownBy(() -> reports.approve(r.id(), "好", today.toString()))
                    .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).field())
                    .isEqualTo("approval");
            AnnualReports.AnnualReport approved = reports.approve(r.id(), "经区政府同意（县政府常务会议）",
                    today.minusDays(2).toString());
            assertThat(approved.status()).isEqualTo("APPROVED");
            assertThatThrownBy(() -> reports.edit(r.id(), "改")).isInstanceOf(DomainException.class);
            assertThatThrownBy(() -> reports.submit(r.id(), "市制造强市建设领导小组办公室",
                    today.minusDays(5).toString())).isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).field()).isEqualTo("submittedOn");
            AnnualReports.AnnualReport submitted = reports.submit(r.id(), "市制造强市建设领导小组办公室", today.toString());
            assertThat(submitted.status()).isEqualTo("SUBMITTED");
            assertThat(submitted.submittedOn()).isEqualTo(today);

            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(reports.docx(r.id())));
                    XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
                assertThat(text.getText()).contains("忠县" + year + "年度落后产能退出情况报告").contains("继续开展排查。")
                        .contains("经区政府同意").contains("附录").contains("cases_opened").contains("red_entered")
                        .contains("select count(*) from enforcement_case");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
