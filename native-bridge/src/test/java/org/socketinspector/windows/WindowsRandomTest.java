package org.socketinspector.windows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default-SecureRandom switch, with a stand-in for SunMSCAPI's generator (off Windows there is none). That it
 * keeps the JVM alive under Wine is shown by WindowsOnWineTest, which runs the Windows live tests there.
 */
class WindowsRandomTest {

    @AfterEach
    void removeTheProvider() {
        Security.removeProvider(WindowsRandom.PROVIDER);
    }

    @Test
    void theDefaultSecureRandomIsServedByTheInstalledGenerator() throws NoSuchAlgorithmException {
        CountingRandom os = new CountingRandom();
        WindowsRandom.install(os);
        WindowsRandom.install(os); // twice: still one provider, at position 1

        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);

        assertThat(random.getProvider().getName()).isEqualTo(WindowsRandom.PROVIDER);
        assertThat(random.getAlgorithm()).isEqualTo("Windows-PRNG");
        assertThat(os.served).isEqualTo(16);
        assertThat(Security.getProviders()[0].getName()).isEqualTo(WindowsRandom.PROVIDER);
        assertThat(Arrays.stream(Security.getProviders()).filter(p -> p.getName().equals(WindowsRandom.PROVIDER)))
                .hasSize(1);
        // Only SecureRandom moves: digests, signatures and ciphers keep their providers.
        assertThat(java.security.MessageDigest.getInstance("SHA-256").getProvider().getName()).isEqualTo("SUN");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void offWindowsNothingIsInstalled() {
        WindowsRandom.preferOsGenerator();
        assertThat(Security.getProvider(WindowsRandom.PROVIDER)).isNull();
    }

    /** Counts what it hands out; the bytes themselves come from a seeded generator. */
    private static final class CountingRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient SecureRandom source;
        int served;

        CountingRandom() throws NoSuchAlgorithmException {
            this.source = SecureRandom.getInstance("SHA1PRNG");
        }

        @Override
        public String getAlgorithm() {
            return "stand-in";
        }

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            served += bytes.length;
            source.nextBytes(bytes);
        }
    }
}
