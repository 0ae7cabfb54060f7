package commonplace.query.page;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.URI;

/**
 * Where the widget sends writes: the command service's address as browsers reach it
 * ({@code COMMONPLACE_COMMAND_PUBLIC_URL}, {@code http://127.0.0.1:8081} for a local stack).
 */
@Component
class WidgetSettings {

    private final String commandPublicUrl;

    WidgetSettings(@Value("${COMMONPLACE_COMMAND_PUBLIC_URL:http://127.0.0.1:8081}") String commandPublicUrl) {
        URI uri = URI.create(commandPublicUrl.trim());
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("COMMONPLACE_COMMAND_PUBLIC_URL must be an http(s) address, not "
                    + commandPublicUrl);
        }
        this.commandPublicUrl = commandPublicUrl.trim().replaceAll("/+$", "");
    }

    String commandPublicUrl() {
        return commandPublicUrl;
    }
}
