package io.keydesk.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, deployed as it is: the tests exercise the real artifact. */
public final class Deployments {
  private Deployments() {}

  public static WebArchive keydesk() {
    File war = new File(System.getProperty("it.war", "target/keydesk.war"));
    return ShrinkWrap.create(ZipImporter.class, "keydesk.war").importFrom(war).as(WebArchive.class);
  }
}
