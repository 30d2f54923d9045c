/**
 * DIMSE with PixelMed: C-ECHO, C-FIND (study, series), C-GET, C-MOVE into our own C-STORE SCP
 * ({@link org.medvqa.dicom.dimse.StoreScp}, bound to 127.0.0.1 or a configured address) and C-STORE, behind
 * the {@link org.medvqa.dicom.source.StudySource} interface ({@link org.medvqa.dicom.dimse.DimseStudySource}).
 * PixelMed sockets have no timeouts of their own, so every operation runs against a deadline.
 */
package org.medvqa.dicom.dimse;
