package commonplace.query.web;

import java.util.List;

/** Every list answer: one page of items and the cursor of the next page (null on the last one). */
public record Page<T>(List<T> items, String nextCursor) {
}
