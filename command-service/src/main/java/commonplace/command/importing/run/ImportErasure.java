package commonplace.command.importing.run;

import commonplace.command.privacy.ErasureScrub;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * An erased author in the import tables. Staged comments of theirs that a running import has not recorded yet become
 * skipped ones without text or name (they still place their replies, and the erased text is never recorded later).
 * Their recorded items keep their keys, so a re-run finds them and records nothing, but lose the text's digest: a row
 * without one is taken as already there. A run they started forgets their name.
 */
@Component
class ImportErasure implements ErasureScrub {

    private final JdbcTemplate jdbc;

    ImportErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void scrub(String authorId) {
        jdbc.update("update import_staged_comment set action = 'skip', author_id = null, author_name = null,"
                + " body = null where author_id = ?", authorId);
        jdbc.update("update imported_item set body_hash = null where author_id = ? and body_hash is not null",
                authorId);
        jdbc.update("update import_run set importer_name = '' where importer_id = ? and importer_name <> ''", authorId);
    }

    @Override
    public List<String> tables() {
        return List.of("import_staged_comment", "imported_item", "import_run");
    }
}
