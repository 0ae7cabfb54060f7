package commonplace.query.web;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/** Every list answer: one page of items and the cursor of the next page (null on the last one). */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The one way a list is paged by keyset: asks {@code fetch} for {@code limit + 1} items in list order, answers
     * the first {@code limit}, and only when the extra one came, the cursor after the last item answered. So the last
     * page never carries a cursor to an empty one.
     *
     * @param fetch       the first {@code count} items after the page before; {@code count} is always limit + 1
     * @param cursorAfter the cursor of the page that follows an item
     */
    public static <T> Page<T> fetch(int limit, IntFunction<List<T>> fetch, Function<? super T, String> cursorAfter) {
        List<T> fetched = fetch.apply(limit + 1);
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> page = fetched.subList(0, limit);
        return new Page<>(page, cursorAfter.apply(page.get(limit - 1)));
    }

    /** The same page with each item shown another way. */
    public <R> Page<R> map(Function<? super T, ? extends R> view) {
        return new Page<>(items.stream().<R>map(view).toList(), nextCursor);
    }
}
