/** The ticket text classifier of the {@code classifier} module, trained once per application. */
package io.keydesk.infrastructure.classification;
