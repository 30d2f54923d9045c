/** JSON forms of concepts, mentions and alignment results, shared by the command line and the REST API. */
package org.medvqa.terminology.json;
