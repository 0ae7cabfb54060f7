package commonplace.query.ingest;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * One read model, kept up to date from the event log. Every projection is called inside the one transaction of a
 * poll batch, together with the stored consumer offsets, so it sees each event exactly once: {@code batch} holds only
 * events not applied before, in per-topic sequence order.
 */
public interface Projection {

    /** The read model's name in the projection status. */
    String name();

    void apply(List<AppliedEvent> batch, JdbcTemplate tx);

    /** True for a projection that changes what the others wrote (an erasure's scrub): it runs after them. */
    default boolean appliesLast() {
        return false;
    }
}
