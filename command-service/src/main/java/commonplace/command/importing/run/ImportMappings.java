package commonplace.command.importing.run;

import commonplace.command.importing.SourceFormat;
import commonplace.command.importing.mapping.MappingFile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;

/**
 * The {@code import_mapping} table: the mapping file stored for a format and site ("" for most), byte for byte as
 * sent. Only files {@link MappingFile#read} accepts are stored, so an import that reads one at its start never fails
 * on it.
 */
@Repository
public class ImportMappings {

    private final JdbcTemplate jdbc;

    ImportMappings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores {@code content} as the mapping of {@code format} and {@code site}, replacing any.
     *
     * @return whether there was none before
     * @throws MappingFile.InvalidMappingException when it is no mapping file; nothing is stored
     */
    public boolean store(SourceFormat format, String site, byte[] content, String adminId) {
        MappingFile.read(new ByteArrayInputStream(content));
        // the insert answers whether the row is new: xmax is 0 on a row this statement inserted
        return Boolean.TRUE.equals(jdbc.queryForObject("insert into import_mapping (format, site, content, updated_by)"
                + " values (?, ?, ?, ?) on conflict (format, site) do update set content = excluded.content,"
                + " updated_at = now(), updated_by = excluded.updated_by returning (xmax = 0)", Boolean.class,
                format.key(), site, content, adminId));
    }

    /** The stored file as it was sent. */
    public Optional<byte[]> find(SourceFormat format, String site) {
        List<byte[]> found = jdbc.query("select content from import_mapping where format = ? and site = ?",
                (rs, n) -> rs.getBytes(1), format.key(), site);
        return found.stream().findFirst();
    }

    /** @return whether there was one */
    public boolean delete(SourceFormat format, String site) {
        return jdbc.update("delete from import_mapping where format = ? and site = ?", format.key(), site) > 0;
    }

    /** The mapping an import of {@code format} and {@code site} goes by: the stored one, or none. */
    MappingFile mappingFor(SourceFormat format, String site) {
        return find(format, site).map(content -> MappingFile.read(new ByteArrayInputStream(content)))
                .orElse(MappingFile.NONE);
    }
}
