package io.keydesk.application;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The part of a client address that a per-address rate limit counts: an IPv4 address as it is, an
 * IPv6 address by its /64 network. An IPv6 subscriber or host usually gets a whole /64, so counting
 * single addresses would let one client rotate through billions of them; the audit and the risk
 * signals still keep the full address.
 */
public final class AddressBucket {
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

  private AddressBucket() {}

  /** {@code address} for a limit's bucket: IPv6 as {@code xxxx:xxxx:xxxx:xxxx::/64}. */
  public static String of(String address) {
    if (address == null || !address.contains(":") || !IPV6.matcher(address).matches()) {
      return address;
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      if (bytes.length != 16) {
        return address;
      }
      StringBuilder network = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        network.append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF)));
        network.append(':');
      }
      return network.append(":/64").toString();
    } catch (UnknownHostException e) {
      return address;
    }
  }
}
