package com.qmailing.command.webhook;

import com.qmailing.events.common.BusinessError;
import com.qmailing.events.common.BusinessRuleException;
import com.qmailing.events.common.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TargetGuardTest {

    /** Names as a test wants them to resolve; everything else does not. */
    static HostResolver names(Map<String, String[]> names) {
        return host -> {
            String[] addresses = names.get(host);
            if (addresses == null) {
                // Literal addresses parse without DNS; names nobody listed do not resolve.
                if (host.matches("[0-9.:\\[\\]a-f]+")) {
                    return InetAddress.getAllByName(host);
                }
                throw new UnknownHostException(host);
            }
            InetAddress[] resolved = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                resolved[i] = InetAddress.getByName(addresses[i]);
            }
            return resolved;
        };
    }

    private final TargetGuard guard = new TargetGuard(false, names(Map.of(
            "hooks.example.org", new String[]{"203.0.113.7"},
            "inside.example.org", new String[]{"10.0.0.8"},
            "split.example.org", new String[]{"203.0.113.7", "127.0.0.1"})));

    @Test
    void aPublicHttpsOrHttpUrlIsRegistrable() {
        assertThat(guard.checkRegistrable("https://hooks.example.org/qmailing?team=7"))
                .isEqualTo("https://hooks.example.org/qmailing?team=7");
        assertThat(guard.checkRegistrable("HTTP://203.0.113.7:8080/hook")).isEqualTo("HTTP://203.0.113.7:8080/hook");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ftp://hooks.example.org/x | url: must be an http or https URL",
            "file:///etc/passwd | url: must be an http or https URL",
            "hooks.example.org/x | url: must be an http or https URL",
            "https:///nohost | url: must name a valid host",
            "https://under_score.example.org/ | url: must name a valid host",
            "https://a b.example.org/ | url: not a valid URL",
            "https://user:pass@hooks.example.org/ | url: must not contain credentials",
            "https://nowhere.example.org/ | url: the host does not resolve",
            "http://127.0.0.1/hook | url: the host resolves to a loopback address; webhooks reach public addresses only",
            "http://169.254.169.254/latest/meta-data | url: the host resolves to a link-local address; webhooks reach public addresses only",
            "http://[::1]:8080/ | url: the host resolves to a loopback address; webhooks reach public addresses only",
            "http://[fd00:ec2::254]/ | url: the host resolves to a private address; webhooks reach public addresses only",
            "http://[::ffff:127.0.0.1]/ | url: the host resolves to a loopback address; webhooks reach public addresses only",
            "http://2130706433/ | url: the host resolves to a loopback address; webhooks reach public addresses only",
            "http://inside.example.org/ | url: the host resolves to a private address; webhooks reach public addresses only",
            "http://split.example.org/ | url: the host resolves to a loopback address; webhooks reach public addresses only"
    })
    void unfitUrlsAreRefusedNamingTheField(String url, String detail) {
        BusinessRuleException refused = catchThrowableOfType(BusinessRuleException.class,
                () -> guard.checkRegistrable(url));

        assertThat(BusinessRuleException.errorOf(refused)).hasValue(new BusinessError(ErrorCode.VALIDATION_FAILED,
                detail));
    }

    @Test
    void anEmptyOrOverlongUrlIsRefused() {
        assertThatThrownBy(() -> guard.checkRegistrable(" ")).hasMessage("url: must not be empty");
        assertThatThrownBy(() -> guard.checkRegistrable(null)).hasMessage("url: must not be empty");
        assertThatThrownBy(() -> guard.checkRegistrable("https://hooks.example.org/" + "a".repeat(2048)))
                .hasMessage("url: at most 2048 characters");
    }

    @Test
    void privateAddressesPassWhenTheOperatorAllowsThem() throws UnknownHostException {
        TargetGuard permissive = new TargetGuard(true, HostResolver.SYSTEM);

        assertThat(permissive.checkRegistrable("http://127.0.0.1:9000/hook")).isEqualTo("http://127.0.0.1:9000/hook");
        assertThat(permissive.resolve("169.254.169.254")).containsExactly(InetAddress.getByName("169.254.169.254"));
    }

    @Test
    void everyAddressOfAHostIsCheckedAtDeliveryNotJustTheFirst() {
        assertThatThrownBy(() -> guard.resolve("split.example.org"))
                .isInstanceOf(ForbiddenAddressException.class)
                .hasMessage("resolves to a loopback address");
    }
}
