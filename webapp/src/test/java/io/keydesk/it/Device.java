package io.keydesk.it;

/** The screens the journeys run on. */
enum Device {
  PHONE(390, 844),
  DESKTOP(1280, 900),
  LAPTOP(1366, 768);

  final int width;
  final int height;

  Device(int width, int height) {
    this.width = width;
    this.height = height;
  }
}
