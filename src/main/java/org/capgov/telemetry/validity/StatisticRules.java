package org.capgov.telemetry.validity;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The rule data of {@code telemetry/statistics.yaml}: which statistic each metric's limits are judged on. */
@Component
public class StatisticRules {

    private final Map<String, StatisticRule> byMetric = new LinkedHashMap<>();

    StatisticRules() throws IOException {
        try (InputStream in = new ClassPathResource("telemetry/statistics.yaml").getInputStream()) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) root.get("statistics");
            for (Map<String, Object> i : items) {
                StatisticRule r = new StatisticRule(String.valueOf(i.get("metric")),
                        StatisticRule.Statistic.valueOf(String.valueOf(i.get("statistic"))),
                        String.valueOf(i.get("citation")));
                if (byMetric.put(r.metric(), r) != null) {
                    throw new IllegalStateException("telemetry/statistics.yaml names " + r.metric() + " twice");
                }
            }
        }
    }

    public Optional<StatisticRule> of(String metric) {
        return Optional.ofNullable(metric == null ? null : byMetric.get(metric));
    }

    public List<StatisticRule> all() {
        return List.copyOf(byMetric.values());
    }
}
