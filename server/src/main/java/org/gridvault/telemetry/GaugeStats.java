package org.gridvault.telemetry;

/**
 * Minimum, maximum and average of one gauge over the readings in a bucket. The average is per reading (the mean of
 * the values reported in the bucket, not weighted by time); coarser buckets weight each finer bucket's average by
 * its number of readings, which keeps that definition.
 */
record GaugeStats(double avg, double min, double max) {}
