package org.gridvault.ingest;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What became of a payload: how many readings were accepted, which were duplicates, what was rejected and why, and a
 * future that completes when the accepted readings are durable.
 */
public record IntakeResult(int accepted, int duplicates, List<Rejection> rejections, CompletableFuture<Void> durable) {}
