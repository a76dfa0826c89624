package dev.pulse.report.forecast;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param learningMonths     how many months back the stage probabilities are learned over (PULSE_FORECAST_LEARNING_MONTHS)
 * @param stageProbabilities optional configured probabilities per stage code, shown beside the learned ones
 *                           (pulse.forecast.stage-probabilities.QUOTE=0.6)
 */
@ConfigurationProperties("pulse.forecast")
public record ForecastProperties(Integer learningMonths, Map<String, BigDecimal> stageProbabilities) {

    public ForecastProperties {
        learningMonths = learningMonths == null ? 12 : learningMonths;
        stageProbabilities = stageProbabilities == null ? Map.of() : Map.copyOf(stageProbabilities);
    }
}
