package commonplace.query.page;

import commonplace.query.page.PageQueries.TopicHeading;

import java.util.List;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * The pages' markup. Every value from a read model goes through {@link #text}, which escapes {@code < > & " '}, so
 * a title can never become markup; ids are escaped too although their pattern allows nothing that needs it.
 */
final class PageHtml {

    private PageHtml() {
    }

    static String topic(TopicHeading topic, PageText words) {
        String id = text(topic.topicId());
        String title = topic.title() == null ? text(topic.topicId()) : text(topic.title());
        StringBuilder body = new StringBuilder();
        body.append("<header><p class=\"crumbs\"><a href=\"/\">").append(text(words.allTopics())).append("</a></p>\n")
                .append("<h1>").append(title).append("</h1>\n");
        if (topic.url() != null && (topic.url().startsWith("https://") || topic.url().startsWith("http://"))) {
            body.append("<p class=\"source\"><a rel=\"noopener nofollow\" href=\"").append(text(topic.url()))
                    .append("\">").append(text(topic.url())).append("</a></p>\n");
        }
        if (topic.description() != null) {
            body.append("<p class=\"description\">").append(text(topic.description())).append("</p>\n");
        }
        body.append("<p class=\"feed\"><a href=\"/api/v1/topics/").append(id).append("/feed.atom\">")
                .append(text(words.feed())).append("</a></p>\n</header>\n")
                .append("<main><div data-commonplace-topic=\"").append(id).append("\"></div></main>\n")
                .append("<script src=\"/embed.js\" async></script>\n");
        String head = "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"" + text(words.feed())
                + "\" href=\"/api/v1/topics/" + id + "/feed.atom\">\n";
        return document(words.lang(), title, head, body.toString());
    }

    static String index(List<TopicHeading> topics, PageText words) {
        StringBuilder body = new StringBuilder("<header><h1>").append(text(words.indexTitle()))
                .append("</h1></header>\n<main>\n");
        if (topics.isEmpty()) {
            body.append("<p>").append(text(words.noTopics())).append("</p>\n");
        } else {
            body.append("<ol class=\"topics\">\n");
            for (TopicHeading topic : topics) {
                String title = topic.title() == null ? words.untitled() : topic.title();
                body.append("<li><a href=\"/t/").append(text(topic.topicId())).append("\">").append(text(title))
                        .append("</a> <span class=\"count\">").append(topic.commentCount()).append(' ')
                        .append(text(words.comments())).append("</span></li>\n");
            }
            body.append("</ol>\n");
        }
        body.append("</main>\n");
        return document(words.lang(), text(words.indexTitle()), "", body.toString());
    }

    private static String document(String lang, String escapedTitle, String head, String body) {
        return "<!doctype html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"color-scheme\" content=\"light dark\">\n<link rel=\"icon\" href=\"data:,\">\n"
                + "<title>" + escapedTitle + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"/widget/page.css\">\n" + head + "</head>\n<body>\n" + body
                + "</body>\n</html>\n";
    }

    /** Text as HTML text or attribute value (inside double quotes). */
    static String text(String value) {
        return htmlEscape(value, "UTF-8");
    }
}
