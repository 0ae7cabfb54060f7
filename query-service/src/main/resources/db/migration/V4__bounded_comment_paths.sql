-- A comment's path holds the padded sequences of its ancestors down to depth 32, then its own (thread/CommentRow):
-- a full path grows with the depth, so a chain of n replies stored about n²/2 segments. Paths written before are
-- cut the same way: the first 33 segments (20 characters each with its dot, less the first dot) and the last one.
update comment set path = left(path, 20 * 33 - 1) || right(path, 20) where depth > 32;
