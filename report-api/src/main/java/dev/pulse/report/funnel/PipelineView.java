package dev.pulse.report.funnel;

import java.util.List;

/** The stages of the pipeline, forward stages in order then LOST, for the dashboards' labels. */
public record PipelineView(List<StageView> stages) {

    /** @param order 1-based rank among forward stages, 0 for LOST */
    public record StageView(String code, int order, String nameZh, String nameEn, boolean terminal) {
    }
}
