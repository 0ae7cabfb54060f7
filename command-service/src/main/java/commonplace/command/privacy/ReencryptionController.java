package commonplace.command.privacy;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/reencryption} (an admin's token, like the rest of {@code /api/v1/admin}): runs the one-time
 * re-encryption of events stored before sealing to its end and answers what it did. Safe to repeat.
 */
@RestController
class ReencryptionController {

    private final PlaintextReencryption reencryption;

    ReencryptionController(PlaintextReencryption reencryption) {
        this.reencryption = reencryption;
    }

    @PostMapping("/api/v1/admin/reencryption")
    ResponseEntity<PlaintextReencryption.Result> reencrypt() {
        return ResponseEntity.ok(reencryption.run());
    }
}
