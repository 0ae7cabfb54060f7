package commonplace.query.readlimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * The limit on anonymous reads per client address.
 *
 * @param perMinute           reads per client address per minute, in bursts of up to as many; 0 turns the limit off
 * @param clientAddressHeader the header a trusted proxy in front of the service writes the client's address into
 *                            (such as {@code X-Forwarded-For}, whose last address is the one the proxy saw); empty:
 *                            the connection's own address, and no header is believed
 * @param unlimitedAddresses  addresses or CIDR ranges never limited (the launcher: loopback)
 * @param maxClients          client addresses remembered at once; the least recently seen are forgotten first
 */
@ConfigurationProperties("commonplace.query.read-limit")
public record ReadLimitSettings(@DefaultValue("600") int perMinute, @DefaultValue("") String clientAddressHeader,
                                @DefaultValue("") List<String> unlimitedAddresses,
                                @DefaultValue("100000") int maxClients) {

    public ReadLimitSettings {
        unlimitedAddresses = unlimitedAddresses == null ? List.of()
                : unlimitedAddresses.stream().map(String::trim).filter(address -> !address.isEmpty()).toList();
    }
}
