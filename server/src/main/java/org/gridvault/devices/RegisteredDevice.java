package org.gridvault.devices;

/** A device just registered (or given a new secret): the only moment its secret is shown. */
public record RegisteredDevice(Device device, String secret) {}
