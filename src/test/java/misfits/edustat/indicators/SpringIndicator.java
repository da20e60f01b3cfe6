package misfits.edustat.indicators;

import org.springframework.stereotype.Component;

/** Breaks "core, form, validate and indicators are free of Spring, POI and Batch". */
@Component
public class SpringIndicator {

}
