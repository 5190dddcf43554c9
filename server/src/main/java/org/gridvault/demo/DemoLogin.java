package org.gridvault.demo;

/** One of the demo accounts, printed at start so people can log in. */
record DemoLogin(String email, String password, String displayName, String role) {}
