package org.medvqa.dicom.dimse;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SetOfDicomFiles;
import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.network.FindSOPClassSCU;
import com.pixelmed.network.GetSOPClassSCU;
import com.pixelmed.network.IdentifierHandler;
import com.pixelmed.network.MoveSOPClassSCU;
import com.pixelmed.network.MultipleInstanceTransferStatusHandler;
import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.StorageSOPClassSCU;
import com.pixelmed.network.VerificationSOPClassSCU;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.medvqa.dicom.source.PacsException;
import org.medvqa.dicom.source.PacsException.Kind;
import org.medvqa.dicom.source.Part10Header;
import org.medvqa.dicom.source.RetrievedStudy;
import org.medvqa.dicom.source.SeriesSummary;
import org.medvqa.dicom.source.StudyQuery;
import org.medvqa.dicom.source.StudySource;
import org.medvqa.dicom.source.StudySummary;

/**
 * A {@link StudySource} over DIMSE (Study Root query/retrieve): C-ECHO, C-FIND, C-GET or C-MOVE, C-STORE.
 *
 * <p>Retrieval first asks C-FIND how many instances to expect (an unknown study is NOT_FOUND before any
 * transfer), then receives by C-GET on the same association, or by C-MOVE into our {@link StoreScp}
 * (started on first use, kept until {@link #close()}; C-MOVEs are serialised because the SCP routes into
 * one destination at a time). Fewer instances than announced is a PROTOCOL error. Each operation runs on
 * a worker thread under {@link DimseConfig#timeout()}, after a TCP connect check so a dead PACS is
 * UNREACHABLE at once rather than a hang.
 */
public final class DimseStudySource implements StudySource {

  private static final String FIND = SOPClass.StudyRootQueryRetrieveInformationModelFind;
  /** Storage classes offered for C-GET when the PACS does not list SOPClassesInStudy. */
  private static final List<String> COMMON_STORAGE = List.of(SOPClass.CTImageStorage, SOPClass.MRImageStorage,
      SOPClass.ComputedRadiographyImageStorage, SOPClass.DigitalXRayImageStorageForPresentation,
      SOPClass.SecondaryCaptureImageStorage, SOPClass.UltrasoundImageStorage, SOPClass.EnhancedCTImageStorage,
      SOPClass.EnhancedMRImageStorage, SOPClass.ComprehensiveSRStorage, SOPClass.BasicTextSRStorage,
      SOPClass.EnhancedSRStorage, SOPClass.DigitalMammographyXRayImageStorageForPresentation,
      SOPClass.NuclearMedicineImageStorage, SOPClass.PETImageStorage);

  private final DimseConfig config;
  private final ExecutorService worker = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "medvqa-dimse");
    t.setDaemon(true);
    return t;
  });
  private final Object moveLock = new Object();
  private StoreScp scp;
  private Path scpSpool;
  private volatile Receiver moveReceiver;

  public DimseStudySource(DimseConfig config) {
    PixelMedLogging.quiet();
    this.config = config;
  }

  @Override
  public void echo() {
    run("C-ECHO", () -> new VerificationSOPClassSCU(config.host(), config.port(), config.calledAet(), config.callingAet(), false));
  }

  @Override
  public List<StudySummary> findStudies(StudyQuery query) {
    AttributeList id = new AttributeList();
    put(id, TagFromName.QueryRetrieveLevel, "STUDY");
    put(id, TagFromName.StudyInstanceUID, query.studyInstanceUid());
    put(id, TagFromName.PatientID, query.patientId());
    put(id, TagFromName.ModalitiesInStudy, query.modality());
    put(id, TagFromName.StudyDate, query.studyDate());
    put(id, TagFromName.AccessionNumber, query.accessionNumber());
    for (AttributeTag key : List.of(TagFromName.PatientName, TagFromName.StudyDescription,
        TagFromName.NumberOfStudyRelatedSeries, TagFromName.NumberOfStudyRelatedInstances)) {
      put(id, key, null);
    }
    List<StudySummary> studies = new ArrayList<>();
    for (AttributeList s : find(id)) {
      if (studies.size() == query.limit()) {
        break;
      }
      studies.add(new StudySummary(text(s, TagFromName.StudyInstanceUID), text(s, TagFromName.PatientID),
          text(s, TagFromName.PatientName), text(s, TagFromName.StudyDate), text(s, TagFromName.StudyDescription),
          text(s, TagFromName.AccessionNumber), new TreeSet<>(values(s, TagFromName.ModalitiesInStudy)).stream().toList(),
          number(s, TagFromName.NumberOfStudyRelatedSeries), number(s, TagFromName.NumberOfStudyRelatedInstances)));
    }
    return studies;
  }

  @Override
  public List<SeriesSummary> findSeries(String studyInstanceUid) {
    AttributeList id = new AttributeList();
    put(id, TagFromName.QueryRetrieveLevel, "SERIES");
    put(id, TagFromName.StudyInstanceUID, studyInstanceUid);
    for (AttributeTag key : List.of(TagFromName.SeriesInstanceUID, TagFromName.Modality, TagFromName.SeriesNumber,
        TagFromName.SeriesDescription, TagFromName.NumberOfSeriesRelatedInstances)) {
      put(id, key, null);
    }
    List<SeriesSummary> series = new ArrayList<>();
    for (AttributeList s : find(id)) {
      series.add(new SeriesSummary(studyInstanceUid, text(s, TagFromName.SeriesInstanceUID), text(s, TagFromName.Modality),
          text(s, TagFromName.SeriesNumber), text(s, TagFromName.SeriesDescription),
          number(s, TagFromName.NumberOfSeriesRelatedInstances)));
    }
    if (series.isEmpty()) {
      throw new PacsException(Kind.NOT_FOUND, describe() + " has no study " + studyInstanceUid);
    }
    return series;
  }

  @Override
  public RetrievedStudy retrieve(String studyInstanceUid, String seriesInstanceUid, Path destinationDir) {
    int expected = expectedInstances(studyInstanceUid, seriesInstanceUid);
    try {
      Files.createDirectories(destinationDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + destinationDir, e);
    }
    AttributeList id = new AttributeList();
    put(id, TagFromName.QueryRetrieveLevel, seriesInstanceUid == null ? "STUDY" : "SERIES");
    put(id, TagFromName.StudyInstanceUID, studyInstanceUid);
    if (seriesInstanceUid != null) {
      put(id, TagFromName.SeriesInstanceUID, seriesInstanceUid);
    }
    Receiver receiver = new Receiver(destinationDir);
    try {
      receive(id, studyInstanceUid, expected, receiver);
    } catch (PacsException e) {
      throw new PacsException(e.kind(), e.getMessage() + "; " + receiver.files().size()
          + " complete instance(s) were written before the failure", e);
    }
    List<Path> files = receiver.files();
    if (files.size() < expected) {
      throw new PacsException(Kind.PROTOCOL, describe() + " sent " + files.size() + " of " + expected
          + " instance(s) of " + studyInstanceUid);
    }
    long bytes = 0;
    for (Path f : files) {
      bytes += f.toFile().length();
    }
    return new RetrievedStudy(studyInstanceUid, files, bytes);
  }

  private void receive(AttributeList id, String studyInstanceUid, int expected, Receiver receiver) {
    Path destinationDir = receiver.destination;
    if (config.retrieve() == DimseConfig.RetrieveMethod.C_GET) {
      Set<String> classes = sopClassesIn(studyInstanceUid);
      run("C-GET", () -> new GetSOPClassSCU(config.host(), config.port(), config.calledAet(), config.callingAet(),
          SOPClass.StudyRootQueryRetrieveInformationModelGet, id, new IdentifierHandler(), destinationDir.toFile(),
          StoredFilePathStrategy.BYSOPINSTANCEUIDINSINGLEFOLDER, receiver.handler(), classes, true, false, true));
    } else {
      synchronized (moveLock) {
        ensureScp();
        moveReceiver = receiver;
        try {
          int status = run("C-MOVE", () -> new MoveSOPClassSCU(config.host(), config.port(), config.calledAet(),
              config.callingAet(), config.callingAet(), SOPClass.StudyRootQueryRetrieveInformationModelMove, id).getStatus());
          // Sub-operations finish before the final C-MOVE response, but our SCP may still be renaming;
          // returns as soon as the count is reached.
          receiver.awaitAtLeast(expected, config.timeout().toMillis());
          if (status != 0 && receiver.files().size() < expected) {
            throw new PacsException(Kind.PROTOCOL, describe() + ": C-MOVE ended with status 0x"
                + Integer.toHexString(status) + " after " + receiver.files().size() + " of " + expected + " instance(s)");
          }
        } finally {
          moveReceiver = null;
        }
      }
    }
  }

  @Override
  public void store(List<Path> files) {
    if (files.isEmpty()) {
      return;
    }
    SetOfDicomFiles set = new SetOfDicomFiles();
    for (Path f : files) {
      try {
        Part10Header.read(f);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot send " + f + ": " + e.getMessage(), e);
      }
      set.add(f.toString());
    }
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    MultipleInstanceTransferStatusHandler status = new MultipleInstanceTransferStatusHandler() {
      @Override
      public void updateStatus(int remaining, int done, int nFailed, int warnings, String sop) {
        completed.set(done + warnings);
        failed.set(nFailed);
      }
    };
    boolean trapped = run("C-STORE", () -> new StorageSOPClassSCU(config.host(), config.port(), config.calledAet(),
        config.callingAet(), set, 0, status).encounteredTrappedExceptions());
    if (failed.get() > 0 || trapped || completed.get() < files.size()) {
      throw new PacsException(Kind.PROTOCOL, describe() + " stored " + completed.get() + " of " + files.size()
          + " file(s) by C-STORE (" + failed.get() + " refused)");
    }
  }

  @Override
  public String describe() {
    return "DIMSE " + config.calledAet() + "@" + config.host() + ":" + config.port();
  }

  @Override
  public void close() {
    synchronized (moveLock) {
      if (scp != null) {
        scp.close();
        scp = null;
      }
    }
    worker.shutdownNow();
    if (scpSpool != null) {
      scpSpool.toFile().delete();
    }
  }

  // --- retrieval helpers ------------------------------------------------------------------------

  private int expectedInstances(String study, String series) {
    List<SeriesSummary> all = findSeries(study);
    List<SeriesSummary> wanted = series == null ? all
        : all.stream().filter(s -> s.seriesInstanceUID().equals(series)).toList();
    if (wanted.isEmpty()) {
      throw new PacsException(Kind.NOT_FOUND, describe() + " has no series " + series + " in study " + study);
    }
    return wanted.stream().mapToInt(s -> Math.max(0, s.numberOfInstances())).sum();
  }

  private Set<String> sopClassesIn(String study) {
    AttributeList id = new AttributeList();
    put(id, TagFromName.QueryRetrieveLevel, "STUDY");
    put(id, TagFromName.StudyInstanceUID, study);
    put(id, TagFromName.SOPClassesInStudy, null);
    Set<String> classes = new HashSet<>();
    for (AttributeList s : find(id)) {
      classes.addAll(values(s, TagFromName.SOPClassesInStudy));
    }
    if (classes.isEmpty()) {
      classes.addAll(COMMON_STORAGE);
    }
    return classes;
  }

  private void ensureScp() {
    if (scp != null) {
      return;
    }
    try {
      scpSpool = Files.createTempDirectory("medvqa-scp-");
      scp = new StoreScp(config.callingAet(), config.scpBindAddress(), config.scpPort(), scpSpool, received -> {
        Receiver r = moveReceiver;
        if (r != null) {
          r.accept(received);
        } else {
          received.toFile().delete(); // nobody asked for it
        }
      });
    } catch (IOException e) {
      throw new PacsException(Kind.UNREACHABLE, "cannot listen for C-MOVE on " + config.scpBindAddress() + ":"
          + config.scpPort() + " (" + e.getMessage() + ")", e);
    }
  }

  /** Moves each received file to {@code <destination>/<SOPInstanceUID>.dcm} and counts it. */
  private static final class Receiver {
    private final Path destination;
    private final List<Path> files = Collections.synchronizedList(new ArrayList<>());

    Receiver(Path destination) {
      this.destination = destination;
    }

    ReceivedObjectHandler handler() {
      return new ReceivedObjectHandler() {
        @Override
        public void sendReceivedObjectIndication(String fileName, String transferSyntax, String callingAet) {
          accept(Path.of(fileName));
        }
      };
    }

    void accept(Path received) {
      try {
        String sop = Part10Header.read(received).mediaStorageSopInstanceUid();
        Path target = destination.resolve(sop + ".dcm");
        Files.move(received, target, StandardCopyOption.REPLACE_EXISTING);
        synchronized (this) {
          files.add(target);
          notifyAll();
        }
      } catch (IOException e) {
        received.toFile().delete();
      }
    }

    synchronized void awaitAtLeast(int n, long maxMillis) {
      long deadline = System.currentTimeMillis() + maxMillis;
      while (files.size() < n && System.currentTimeMillis() < deadline) {
        try {
          wait(Math.max(1, deadline - System.currentTimeMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    List<Path> files() {
      synchronized (files) {
        return List.copyOf(files);
      }
    }
  }

  // --- DIMSE plumbing ---------------------------------------------------------------------------

  private List<AttributeList> find(AttributeList identifier) {
    List<AttributeList> answers = Collections.synchronizedList(new ArrayList<>());
    IdentifierHandler collect = new IdentifierHandler() {
      @Override
      public void doSomethingWithIdentifier(AttributeList id) {
        answers.add(id);
      }
    };
    run("C-FIND", () -> new FindSOPClassSCU(config.host(), config.port(), config.calledAet(), config.callingAet(), FIND,
        identifier, collect));
    return List.copyOf(answers);
  }

  private <T> T run(String what, Callable<T> operation) {
    Future<T> future = worker.submit(() -> {
      checkReachable();
      return operation.call();
    });
    try {
      return future.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new PacsException(Kind.TIMEOUT, describe() + ": " + what + " did not finish within "
          + config.timeout().toMillis() + " ms", e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new PacsException(Kind.TIMEOUT, describe() + ": interrupted during " + what, e);
    } catch (ExecutionException e) {
      throw failure(what, e.getCause());
    }
  }

  private void checkReachable() throws IOException {
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress(config.host(), config.port()), (int) Math.min(config.timeout().toMillis(), 5000));
    }
  }

  private PacsException failure(String what, Throwable cause) {
    if (cause instanceof PacsException p) {
      return p;
    }
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
        return new PacsException(Kind.UNREACHABLE, describe() + " is unreachable (" + message(t) + ")", cause);
      }
      if (t instanceof SocketTimeoutException) {
        return new PacsException(Kind.TIMEOUT, describe() + ": no connection within the timeout", cause);
      }
    }
    String m = message(cause);
    if (m.contains("A-ASSOCIATE-RJ") || m.toLowerCase(java.util.Locale.ROOT).contains("reject")) {
      return new PacsException(Kind.UNAUTHORIZED, describe() + " rejected the association from "
          + config.callingAet() + " during " + what + " (" + m + ")", cause);
    }
    return new PacsException(Kind.PROTOCOL, describe() + ": " + what + " failed (" + m + ")", cause);
  }

  private static String message(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.replaceAll("\\s+", " ").strip();
  }

  private static void put(AttributeList list, AttributeTag tag, String value) {
    try {
      Attribute a = AttributeFactory.newAttribute(tag);
      if (value != null && !value.isBlank()) {
        a.addValue(value.strip());
      }
      list.put(a);
    } catch (DicomException e) {
      throw new IllegalArgumentException("bad value for " + tag + ": " + value, e);
    }
  }

  private static String text(AttributeList list, AttributeTag tag) {
    return Attribute.getSingleStringValueOrEmptyString(list, tag).strip();
  }

  private static List<String> values(AttributeList list, AttributeTag tag) {
    String[] v = Attribute.getStringValues(list, tag);
    return v == null ? List.of() : Arrays.stream(v).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static int number(AttributeList list, AttributeTag tag) {
    try {
      return Integer.parseInt(text(list, tag));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
