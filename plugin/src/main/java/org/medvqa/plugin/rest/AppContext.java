package org.medvqa.plugin.rest;

import java.util.Objects;
import org.medvqa.plugin.jobs.TrainingJobs;
import org.medvqa.plugin.security.ApiKeys;
import org.medvqa.plugin.security.AuditLog;
import org.medvqa.plugin.service.VqaService;

/**
 * What the resources need, handed to them by injection (no static state).
 *
 * @param jobs training jobs, or null when this server does not train
 * @param audit the audit log, or null for none
 * @param auditSalt salt of the study-UID hashes in the audit log
 * @param maxUploadBytes largest request body accepted; beyond it, 413
 */
public record AppContext(
    VqaService service, TrainingJobs jobs, ApiKeys keys, AuditLog audit, String auditSalt, long maxUploadBytes) {
  public AppContext {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(auditSalt, "auditSalt");
    if (maxUploadBytes <= 0) {
      throw new IllegalArgumentException("maxUploadBytes must be positive");
    }
  }
}
