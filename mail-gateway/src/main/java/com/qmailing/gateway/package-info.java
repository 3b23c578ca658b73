/**
 * The wire to the mail world: inbound SMTP, outbound transports, MIME parsing and building.
 * Arrives with the receive and send issues.
 */
package com.qmailing.gateway;
