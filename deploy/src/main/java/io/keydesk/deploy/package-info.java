/**
 * The local launcher ({@link io.keydesk.deploy.LocalLauncher}): one command that runs MariaDB,
 * Kafka, Payara Micro with the webapp and the streams job on a developer machine, with settings
 * from the environment or a properties file and every byte of state under one data folder.
 */
package io.keydesk.deploy;
