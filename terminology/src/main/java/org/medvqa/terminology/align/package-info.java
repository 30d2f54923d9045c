/**
 * The semantic-alignment score: how far an answer says what a reference says, in concepts.
 * {@link org.medvqa.terminology.align.SemanticAlignment} is the entry point; the result explains
 * itself (matched, missed, extra and contradicting concepts).
 */
package org.medvqa.terminology.align;
