package io.keydesk.it;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Payara Micro started once for all the integration tests of a test JVM instead of once per test
 * class. Payara's adapter deploys by starting a new Payara Micro process with the WAR and undeploys
 * by stopping it, which cost 20–25 s per test class: most of the suite's time. Every test class
 * deploys the same artifact ({@link Deployments#keydesk()}), and the database, broker and mail
 * server they talk to are already shared by the whole run ({@link TestServers}), so the tests are
 * written for a shared system anyway (each uses contacts, products and orders of its own). This
 * keeps the first deployment running and hands its address to the next test classes; the process is
 * stopped when Arquillian stops the container after the last class (and by the adapter's shutdown
 * hook if the JVM ends first).
 *
 * <p>Registered for the test JVM by {@link Extension} in {@code
 * META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension}.
 */
public class SharedPayaraMicro extends PayaraMicroDeployableContainer {
  private Archive<?> deployed;
  private ProtocolMetaData running;

  @Override
  public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
    if (running == null) {
      running = super.deploy(archive);
      deployed = archive;
    } else if (!deployed.getName().equals(archive.getName())) {
      throw new DeploymentException(
          "The integration tests share one Payara Micro with "
              + deployed.getName()
              + "; a test class asked for "
              + archive.getName()
              + " (deploy Deployments.keydesk())");
    }
    return running;
  }

  /** Kept running for the next test class; {@link #stop()} ends it. */
  @Override
  public void undeploy(Archive<?> archive) {}

  @Override
  public synchronized void stop() throws LifecycleException {
    if (deployed != null) {
      try {
        super.undeploy(deployed);
      } catch (DeploymentException e) {
        throw new LifecycleException("Could not stop Payara Micro", e);
      } finally {
        deployed = null;
        running = null;
      }
    }
    super.stop();
  }

  /** Puts {@link SharedPayaraMicro} in place of the adapter's own container. */
  public static class Extension implements LoadableExtension {
    @Override
    public void register(ExtensionBuilder builder) {
      builder.override(
          DeployableContainer.class, PayaraMicroDeployableContainer.class, SharedPayaraMicro.class);
    }
  }
}
