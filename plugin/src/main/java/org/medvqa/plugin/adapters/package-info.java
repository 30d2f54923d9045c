/**
 * The real parts behind the service's ports: the trained {@code VqaModel}, the DICOM image pipeline,
 * the study sources of {@code dicom-adapters} (DICOMweb, DIMSE, local folder), SR writing, the
 * terminology index and the reward functions. {@link org.medvqa.plugin.adapters.RealComponents}
 * assembles them.
 */
package org.medvqa.plugin.adapters;
