package io.hexagan.training;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 digests, for the fingerprints a model records of its table and its validation split. */
final class Sha256 {
  private Sha256() {}

  /** A fresh SHA-256 digest (every JVM has one). */
  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
