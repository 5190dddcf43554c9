/**
 * The personal-data catalog ("privacy as code"): every column of every module table, declared with its data category,
 * purposes, legal basis and whether it is encrypted, in {@code privacy/catalog/<module>.yaml}. The record of
 * processing and the privacy notice's data tables are generated from it (with each table's time limit from the
 * retention rules); a test checks it against the live schema.
 */
@NullMarked
package org.gridvault.privacy.catalog;

import org.jspecify.annotations.NullMarked;
