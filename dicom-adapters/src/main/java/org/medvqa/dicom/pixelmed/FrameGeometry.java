package org.medvqa.dicom.pixelmed;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;

/**
 * Per-frame geometry of an enhanced multi-frame image (PS3.3 C.7.6.16): each frame's Image Position
 * (Patient) from the Plane Position Sequence in its Per-frame Functional Groups item (or the Shared
 * Functional Groups, when all frames share one), and the Image Orientation (Patient) from the Plane
 * Orientation Sequence (shared, else the first frame's). Both empty for classic objects.
 *
 * @param positions one x,y,z per frame, or none when any frame lacks a position
 */
record FrameGeometry(double[][] positions, double[] orientation) {
  private static final FrameGeometry NONE = new FrameGeometry(new double[0][], new double[0]);

  static FrameGeometry read(AttributeList list, int frames) {
    SequenceAttribute shared = sequence(list, TagFromName.SharedFunctionalGroupsSequence);
    SequenceAttribute perFrame = sequence(list, TagFromName.PerFrameFunctionalGroupsSequence);
    if (shared == null && perFrame == null) {
      return NONE;
    }
    AttributeList sharedItem = item(shared, 0);
    double[] orientation = nested(sharedItem, TagFromName.PlaneOrientationSequence, TagFromName.ImageOrientationPatient, 6);
    if (orientation.length == 0) {
      orientation = nested(item(perFrame, 0), TagFromName.PlaneOrientationSequence, TagFromName.ImageOrientationPatient, 6);
    }
    double[] sharedPosition = nested(sharedItem, TagFromName.PlanePositionSequence, TagFromName.ImagePositionPatient, 3);
    if (frames < 1 || (perFrame == null && sharedPosition.length == 0)) {
      return new FrameGeometry(new double[0][], orientation);
    }
    double[][] positions = new double[frames][];
    for (int f = 0; f < frames; f++) {
      double[] p = nested(item(perFrame, f), TagFromName.PlanePositionSequence, TagFromName.ImagePositionPatient, 3);
      positions[f] = p.length == 3 ? p : sharedPosition;
      if (positions[f].length != 3) {
        return new FrameGeometry(new double[0][], orientation);
      }
    }
    return new FrameGeometry(positions, orientation);
  }

  private static SequenceAttribute sequence(AttributeList list, AttributeTag tag) {
    return list != null && list.get(tag) instanceof SequenceAttribute s ? s : null;
  }

  private static AttributeList item(SequenceAttribute sequence, int index) {
    return sequence != null && index < sequence.getNumberOfItems() ? sequence.getItem(index).getAttributeList() : null;
  }

  private static double[] nested(AttributeList item, AttributeTag sequenceTag, AttributeTag valueTag, int count) {
    AttributeList inner = item(sequence(item, sequenceTag), 0);
    return inner == null ? new double[0] : PixelMedReader.doubles(inner, valueTag, count);
  }
}
