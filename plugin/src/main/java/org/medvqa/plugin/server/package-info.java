/**
 * Running the REST API: the server configuration ({@code serve --config F}) and the JDK HTTP(S)
 * server that hosts the Jersey application.
 */
package org.medvqa.plugin.server;
