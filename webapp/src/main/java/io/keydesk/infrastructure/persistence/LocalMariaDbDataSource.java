package io.keydesk.infrastructure.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * MariaDB's data source seen as a plain {@link DataSource}. The driver's own class is also an
 * XADataSource, which makes the server pool it for XA: four more statements and a second log write
 * per transaction, for nothing, since MariaDB is the application's only transactional resource.
 * Through this class the server pools local transactions.
 */
public class LocalMariaDbDataSource implements DataSource {
  private final MariaDbDataSource delegate = new MariaDbDataSource();

  public void setUrl(String url) throws SQLException {
    delegate.setUrl(url);
  }

  public String getUrl() {
    return delegate.getUrl();
  }

  public void setUser(String user) throws SQLException {
    delegate.setUser(user);
  }

  public String getUser() {
    return delegate.getUser();
  }

  public void setPassword(String password) throws SQLException {
    delegate.setPassword(password);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return delegate.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return delegate.getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no parent logger");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper for " + type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
