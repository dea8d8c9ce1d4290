package org.delineate.plugins.command;

import ij.plugin.PlugIn;

/**
 * A {@code Plugins > Delineate} command that declares its macro keys. Every class of Delineate's plugins.config
 * implements it (a test checks), with a public no-argument constructor as ImageJ needs anyway.
 */
public interface Documented extends PlugIn {

    /** What the command declares; the same on every call. */
    CommandDoc doc();
}
