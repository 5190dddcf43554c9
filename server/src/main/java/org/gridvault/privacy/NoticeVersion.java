package org.gridvault.privacy;

import java.time.Instant;

/**
 * A published version of the privacy notice.
 *
 * @param version its name, such as {@code 2026-11-01}
 * @param contentHash SHA-256 of its text, hex; consents record it, so they are bound to exactly the text shown
 * @param material whether it changes what people agreed to, so consents under earlier versions go stale
 */
public record NoticeVersion(String version, String contentHash, boolean material, Instant effectiveAt, String text) {}
