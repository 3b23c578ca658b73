package com.qmailing.command.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name resolution, replaceable so that tests can make a name point anywhere. */
@FunctionalInterface
interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
