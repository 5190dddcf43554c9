package org.gridvault.privacy;

import java.time.Instant;

/**
 * A person received a copy of their data (access or portability, promises P23 and P28).
 *
 * @param format {@code json} or {@code greenbutton}
 */
public record PersonalDataExported(SubjectId subject, String format, Instant at) {}
