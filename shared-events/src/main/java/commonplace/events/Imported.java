package commonplace.events;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an imported item came from: {@code source} names the export's format (and site, as {@code wordpress:blog2}),
 * {@code sourceId} is the export's key for the item, and {@code at} is the source's original time for it. Readers show
 * and sort an imported item by {@code at} rather than by when it was recorded. Absent on everything written here.
 */
public record Imported(String source, String sourceId, Instant at) {

    public Imported {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(at, "at");
    }
}
