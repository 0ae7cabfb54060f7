package commonplace.query.thread;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How thread answers are shaped.
 *
 * @param displayDepth how deep replies nest in a thread answer, a root being depth 0
 *                     ({@code COMMONPLACE_THREAD_DISPLAY_DEPTH}, 16). A reply deeper than that is listed flat, in
 *                     thread order, in the replies of its ancestor at this depth, with its own {@code parentId} and
 *                     {@code depth}; 0 lists every reply flat under its root. At most {@value #MAX_DISPLAY_DEPTH}, so
 *                     that an answer's JSON nesting stays far below what parsers accept however deep replies go.
 */
@ConfigurationProperties("commonplace.query.thread")
record ThreadSettings(@DefaultValue("16") int displayDepth) {

    static final int MAX_DISPLAY_DEPTH = 100;

    ThreadSettings {
        if (displayDepth < 0 || displayDepth > MAX_DISPLAY_DEPTH) {
            throw new IllegalArgumentException("commonplace.query.thread.display-depth must be from 0 to "
                    + MAX_DISPLAY_DEPTH + ", not " + displayDepth);
        }
    }
}
