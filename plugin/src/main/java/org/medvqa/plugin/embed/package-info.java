/**
 * The Java API for in-process viewers: {@link org.medvqa.plugin.embed.MedVqa}, a builder over the same
 * service the REST API uses.
 */
package org.medvqa.plugin.embed;
