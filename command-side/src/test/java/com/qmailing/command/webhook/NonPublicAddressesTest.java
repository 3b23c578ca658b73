package com.qmailing.command.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class NonPublicAddressesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, loopback",
            "127.255.0.9, loopback",
            "::1, loopback",
            "0.0.0.0, unspecified",
            "0.1.2.3, unspecified",
            "::, unspecified",
            "10.0.0.1, private",
            "172.16.0.1, private",
            "172.31.255.254, private",
            "192.168.1.1, private",
            "fc00::1, private",
            "fd00:ec2::254, private",
            "fec0::1, private",
            "169.254.169.254, link-local",
            "169.254.0.1, link-local",
            "fe80::1, link-local",
            "febf::1, link-local",
            "100.64.0.1, shared (carrier-grade NAT)",
            "100.127.255.254, shared (carrier-grade NAT)",
            "224.0.0.1, multicast",
            "239.255.255.250, multicast",
            "ff02::1, multicast",
            "240.0.0.1, reserved",
            "255.255.255.255, reserved",
            "192.0.0.170, reserved",
            "198.18.0.1, reserved",
            // The same addresses dressed as IPv6: mapped, compatible, NAT64 and 6to4.
            "::ffff:127.0.0.1, loopback",
            "::ffff:169.254.169.254, link-local",
            "::ffff:10.1.2.3, private",
            "::127.0.0.1, loopback",
            "64:ff9b::a9fe:a9fe, link-local",
            "2002:c0a8:0101::1, private",
            "2002:7f00:0001::1, loopback"
    })
    void nonPublicAddressesAreRecognisedByKind(String address, String kind) throws UnknownHostException {
        assertThat(NonPublicAddresses.classify(InetAddress.getByName(address))).hasValue(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "8.8.8.8", "93.184.215.14", "172.15.255.255", "172.32.0.1", "100.63.255.255",
            "100.128.0.1", "169.253.255.255", "192.167.1.1", "198.20.0.1", "223.255.255.255", "203.0.113.7",
            "2606:4700:4700::1111", "2a00:1450:4001:82a::200e", "::ffff:8.8.8.8", "64:ff9b::808:808",
            "2002:0808:0808::1", "fbff::1", "fe7f::1"})
    void publicAddressesPass(String address) throws UnknownHostException {
        assertThat(NonPublicAddresses.classify(InetAddress.getByName(address))).isEmpty();
    }
}
