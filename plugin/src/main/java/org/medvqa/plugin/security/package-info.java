/**
 * API keys (kept only as SHA-256 hashes in memory) and the audit log (JSON lines without patient data:
 * key ids instead of keys, hashed study UIDs instead of UIDs).
 */
package org.medvqa.plugin.security;
