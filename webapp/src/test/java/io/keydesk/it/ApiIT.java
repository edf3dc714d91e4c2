package io.keydesk.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the black-box integration tests: the built WAR deployed in Payara Micro, and an HTTP
 * client pointed at it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class ApiIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.keydesk();
  }

  @ArquillianResource URL url;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(url);
  }
}
