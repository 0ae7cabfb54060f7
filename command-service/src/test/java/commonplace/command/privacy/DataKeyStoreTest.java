package commonplace.command.privacy;

import commonplace.command.support.Tokens;
import commonplace.events.privacy.DataKey;
import commonplace.events.privacy.KeyEncryptionKey;
import commonplace.events.privacy.KeyLookup;
import commonplace.testing.IsolatedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key store on a real PostgreSQL: keys made once, wrapped at rest, destroyed by an erasure, re-wrapped. */
@SpringBootTest(properties = {
        "commonplace.jwt.secret=" + Tokens.SECRET,
        "commonplace.privacy.key-encryption-key=" + TestKeys.KEK})
class DataKeyStoreTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IsolatedInfrastructure.forTestClass(DataKeyStoreTest.class).registerSpringProperties(registry);
    }

    @Autowired
    DataKeyStore store;
    @Autowired
    CachedDataKeys cached;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void an_author_gets_one_key_made_on_first_need_and_the_same_key_after_a_restart() {
        DataKey first = store.keyInUse("ada");

        DataKey again = new DataKeyStore(jdbc, keks(TestKeys.KEK), transactions).keyInUse("ada");

        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(again.materialBase64()).isEqualTo(first.materialBase64());
        assertThat(store.keyInUse("bo").keyId()).isNotEqualTo(first.keyId());
    }

    @Test
    void a_key_is_stored_only_wrapped_and_its_row_opens_nothing_without_the_key_encryption_key() {
        DataKey key = store.keyInUse("wrapped-at-rest");

        Map<String, Object> row = jdbc.queryForMap("select * from data_key where key_id = ?", key.keyId());
        byte[] wrapped = (byte[]) row.get("wrapped_key");
        assertThat(wrapped).hasSize(KeyEncryptionKey.WRAPPED_BYTES);
        assertThat(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(wrapped))
                .doesNotContain(key.materialBase64());
        assertThat(row.get("kek_id")).isEqualTo(keks(TestKeys.KEK).current().id());
        DataKeyStore otherKek = new DataKeyStore(jdbc, keks(TestKeys.PREVIOUS_KEK), transactions);
        assertThatThrownBy(() -> otherKek.find(key.keyId())).isInstanceOf(KeyStoreUnreadableException.class);
    }

    @Test
    void authors_asking_at_the_same_moment_for_their_first_key_all_get_the_same_one() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> askers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                DataKeyStore instance = new DataKeyStore(jdbc, keks(TestKeys.KEK), transactions);
                askers.add(() -> instance.keyInUse("concurrent").keyId());
            }
            Set<String> ids = new java.util.HashSet<>();
            for (Future<String> id : pool.invokeAll(askers)) {
                ids.add(id.get());
            }

            assertThat(ids).hasSize(1);
            assertThat(jdbc.queryForObject("select count(*) from data_key where author_id = 'concurrent'", Long.class))
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_key_made_inside_a_transaction_that_rolls_back_stays_made() {
        TransactionTemplate command = new TransactionTemplate(transactions);
        String[] made = new String[1];

        command.executeWithoutResult(status -> {
            made[0] = store.keyInUse("rolled-back").keyId();
            status.setRollbackOnly();
        });

        assertThat(store.find(made[0])).isInstanceOf(KeyLookup.Found.class);
    }

    @Test
    void an_erasure_destroys_the_key_keeps_a_tombstone_and_a_later_write_gets_a_new_generation() {
        DataKey before = store.keyInUse("kari");

        List<String> erased = store.erase("kari");

        assertThat(erased).containsExactly(before.keyId());
        assertThat(store.find(before.keyId())).isInstanceOf(KeyLookup.Erased.class);
        Map<String, Object> tombstone = jdbc.queryForMap("select * from data_key where key_id = ?", before.keyId());
        assertThat(tombstone.get("wrapped_key")).isNull();
        assertThat(tombstone.get("kek_id")).isNull();
        assertThat(tombstone.get("erased_at")).isNotNull();
        assertThat(store.erase("kari")).as("repeated: nothing left to destroy").isEmpty();

        DataKey after = store.keyInUse("kari");
        assertThat(after.keyId()).isNotEqualTo(before.keyId());
        assertThat(jdbc.queryForObject("select generation from data_key where key_id = ?", Integer.class,
                after.keyId())).isEqualTo(2);
        assertThat(store.knows("kari")).isTrue();
        assertThat(store.knows("never-wrote")).isFalse();
    }

    @Test
    void a_batch_lookup_answers_every_id_in_the_order_asked() {
        DataKey live = store.keyInUse("batch-live");
        DataKey gone = store.keyInUse("batch-gone");
        store.erase("batch-gone");
        String unknown = DataKey.generate("nobody").keyId();

        Map<String, DataKeyStore.KeyStatus> found = store.findAll(List.of(unknown, gone.keyId(), live.keyId()));

        assertThat(found.keySet()).containsExactly(unknown, gone.keyId(), live.keyId());
        assertThat(found.get(unknown).lookup()).isInstanceOf(KeyLookup.Unknown.class);
        assertThat(found.get(gone.keyId()).lookup()).isInstanceOf(KeyLookup.Erased.class);
        assertThat(found.get(gone.keyId()).erasedAt()).isNotNull();
        assertThat(((KeyLookup.Found) found.get(live.keyId()).lookup()).key().materialBase64())
                .isEqualTo(live.materialBase64());
    }

    @Test
    void a_wrapped_key_copied_onto_another_row_does_not_open() {
        DataKey victim = store.keyInUse("victim");
        DataKey attacker = store.keyInUse("attacker");
        jdbc.update("update data_key set wrapped_key = (select wrapped_key from data_key where key_id = ?)"
                + " where key_id = ?", victim.keyId(), attacker.keyId());

        assertThatThrownBy(() -> store.find(attacker.keyId())).isInstanceOf(KeyStoreUnreadableException.class);
        assertThat(store.find(victim.keyId())).isInstanceOf(KeyLookup.Found.class);
    }

    @Test
    void after_a_rotation_the_previous_key_encryption_key_still_opens_its_rows_until_they_are_rewrapped() {
        DataKeyStore beforeRotation = new DataKeyStore(jdbc, keks(TestKeys.PREVIOUS_KEK), transactions);
        DataKey old = beforeRotation.keyInUse("rotated");
        DataKeyStore rotated = new DataKeyStore(jdbc, keks(TestKeys.KEK, TestKeys.PREVIOUS_KEK), transactions);

        assertThat(((KeyLookup.Found) rotated.find(old.keyId())).key().materialBase64())
                .isEqualTo(old.materialBase64());
        int rewrapped = 0;
        for (int batch = rotated.rewrapOlderKeys(2); batch > 0; batch = rotated.rewrapOlderKeys(2)) {
            rewrapped += batch;
        }

        assertThat(rewrapped).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForList("select distinct kek_id from data_key where erased_at is null", String.class))
                .containsExactly(keks(TestKeys.KEK).current().id());
        assertThat(((KeyLookup.Found) store.find(old.keyId())).key().materialBase64())
                .as("opens with the current key alone").isEqualTo(old.materialBase64());
    }

    @Test
    void the_cache_unwraps_once_and_an_erasure_through_it_forgets_the_key_at_once() {
        DataKey key = cached.keyInUse("cached");
        assertThat(cached.keyInUse("cached")).isSameAs(key);
        assertThat(cached.find(key.keyId())).isInstanceOf(KeyLookup.Found.class);

        assertThat(cached.erase("cached")).containsExactly(key.keyId());

        assertThat(cached.find(key.keyId())).isInstanceOf(KeyLookup.Erased.class);
        assertThat(cached.keyInUse("cached").keyId()).isNotEqualTo(key.keyId());
    }

    @Test
    void a_malformed_key_encryption_key_stops_the_start_without_repeating_it() {
        String tooShort = "c2l4dGVlbiBieXRlcyEhIQ==";
        PrivacySettings settings = new PrivacySettings(tooShort, List.of(), 0, Duration.ofMinutes(1), null, false);

        assertThatThrownBy(() -> KeyEncryptionKeys.from(settings))
                .isInstanceOf(InvalidKeyEncryptionKeyException.class)
                .hasMessageContaining("COMMONPLACE_KEY_ENCRYPTION_KEY").hasMessageNotContaining(tooShort);
        assertThatThrownBy(() -> KeyEncryptionKeys.from(new PrivacySettings(TestKeys.KEK, List.of("nope"), 0, null, null,
                false)))
                .isInstanceOf(InvalidKeyEncryptionKeyException.class)
                .hasMessageContaining("COMMONPLACE_PREVIOUS_KEY_ENCRYPTION_KEYS");
    }

    private static KeyEncryptionKeys keks(String current, String... previous) {
        return KeyEncryptionKeys.from(new PrivacySettings(current, List.of(previous), 0, null, null, false));
    }
}
