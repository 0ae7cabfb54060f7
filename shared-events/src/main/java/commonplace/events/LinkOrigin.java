package commonplace.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a shared link came from. */
public enum LinkOrigin {
    /** Found in the body of a posted or edited comment. */
    @JsonProperty("body") BODY,
    /** Shared on purpose through the links endpoint. */
    @JsonProperty("share") SHARE
}
