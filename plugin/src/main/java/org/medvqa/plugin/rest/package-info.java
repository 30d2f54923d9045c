/**
 * The REST API v1 (Jersey): one resource class per noun, RFC 9457 problem details for every error
 * (including Jersey's own 404/405/415), bearer-key authentication, upload limits and the audit trail.
 * {@link org.medvqa.plugin.rest.RestApp#createApp} builds the application for {@code main} and tests alike.
 */
package org.medvqa.plugin.rest;
